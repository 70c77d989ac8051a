package io.taskqueue.satloc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoverageRasterTest {

    @Test
    void rotatedRectangleAreaIsAccurate() {
        CoverageRaster r = new CoverageRaster(0.5);
        double a = Math.toRadians(33);
        r.addSegment(0, 0, 500 * Math.cos(a), 500 * Math.sin(a), 10);
        assertThat(r.areaM2()).isCloseTo(10_000, within(50.0));
    }

    @Test
    void overlappingAndAbuttingSegmentsAreCountedOnce() {
        CoverageRaster r = new CoverageRaster(0.5);
        for (int i = 0; i < 100; i++) {
            r.addSegment(i * 10, 3, (i + 1) * 10, 3, 10); // 1,000 m x 20 m in 10 m pieces
        }
        r.addSegment(0, 13, 1000, 13, 10); // shifted by half a swath
        assertThat(r.areaM2()).isCloseTo(30_000, within(100.0));
    }

    @Test
    void negativeCoordinatesAndTileBordersWork() {
        CoverageRaster r = new CoverageRaster(1);
        r.addSegment(-100, -100, 100, -100, 50);
        assertThat(r.areaM2()).isCloseTo(20_000, within(1.0));
    }

    @Test
    void rectangleUnionIsExact() {
        double[][] rects = {{0, 10, 0, 2}, {5, 15, 1, 3}, {0, 10, 0, 2}};
        assertThat(RectangleUnion.area(rects)).isCloseTo(20 + 20 - 5, within(1e-9));
    }
}
