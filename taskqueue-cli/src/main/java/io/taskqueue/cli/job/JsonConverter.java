package io.taskqueue.cli.job;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --data} as one JSON document while the command line is parsed, so that bad JSON is a
 * usage error (exit 2) before the backend is even opened.
 */
final class JsonConverter implements ITypeConverter<JsonNode> {
    /** Decimals as typed, not rounded through a double. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public JsonNode convert(String value) {
        try (JsonParser parser = MAPPER.createParser(value)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new TypeConversionException("empty JSON: give a document such as '{}'");
            }
            if (parser.nextToken() != null) {
                throw new TypeConversionException("not valid JSON: more than one document (the next starts"
                        + column(parser.currentTokenLocation()) + ")");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new TypeConversionException("not valid JSON: " + e.getOriginalMessage() + column(e.getLocation()));
        } catch (IOException e) {
            throw new TypeConversionException("cannot read the JSON: " + e.getMessage());
        }
    }

    private static String column(JsonLocation location) {
        return location == null ? "" : " at column " + location.getColumnNr();
    }
}
