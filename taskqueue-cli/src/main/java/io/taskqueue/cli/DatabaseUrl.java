package io.taskqueue.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tracker's database as the command line names it: {@code jdbc:postgresql://host:5432/db?user=u}
 * or {@code postgres://user:password@host:5432/db?sslmode=require} ({@code postgresql://} too),
 * taken apart into what the driver needs. The password never appears in {@link #toString()}.
 *
 * @param jdbcUrl the driver's URL, without user or password
 * @param user the user, or {@code null} for the driver's default
 * @param password the password, or {@code null}
 * @param display the URL as given, with the password replaced by {@code ***}: what messages show
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String display) {
    private static final String JDBC = "jdbc:postgresql:";
    private static final String EXPECTED = "expected jdbc:postgresql://host:5432/db or"
            + " postgres://user:password@host:5432/db";

    /**
     * Parses {@code url}; {@code fallbackPassword} (from the environment) applies when the URL has
     * none, so that it need not appear in the shell's history.
     *
     * @throws CliException naming the URL (password masked) and the forms it may take
     */
    public static DatabaseUrl parse(String url, String fallbackPassword) {
        String lower = url.toLowerCase(Locale.ROOT);
        DatabaseUrl parsed;
        if (lower.startsWith(JDBC)) {
            parsed = jdbc(url);
        } else if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            parsed = uri(url);
        } else {
            throw new CliException("not a Postgres URL: " + maskAny(url) + " (" + EXPECTED + ")");
        }
        if (parsed.password() == null && fallbackPassword != null && !fallbackPassword.isEmpty()) {
            return new DatabaseUrl(parsed.jdbcUrl(), parsed.user(), fallbackPassword, parsed.display());
        }
        return parsed;
    }

    /** {@code jdbc:postgresql://...?user=u&password=p}: the credentials come out of the query. */
    private static DatabaseUrl jdbc(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String parameter : q < 0 ? new String[0] : url.substring(q + 1).split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            // Decoded as the driver decodes its own parameters (form encoding, "+" is a space).
            String value = parameter.contains("=")
                    ? URLDecoder.decode(parameter.substring(parameter.indexOf('=') + 1), StandardCharsets.UTF_8) : "";
            if (name.equals("user")) {
                user = value;
                shown.add(parameter);
            } else if (name.equals("password")) {
                password = value;
                shown.add("password=***");
            } else if (!parameter.isEmpty()) {
                kept.add(parameter);
                shown.add(parameter);
            }
        }
        if (!base.startsWith(JDBC + "//") || base.length() == (JDBC + "//").length()) {
            throw new CliException("not a Postgres URL: " + maskAny(url) + " (" + EXPECTED + ")");
        }
        String jdbcUrl = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
        return new DatabaseUrl(jdbcUrl, user, password, shown.isEmpty() ? base : base + "?" + String.join("&", shown));
    }

    /** {@code postgres://user:password@host:port/db?query}, as libpq and most hosting services write it. */
    private static DatabaseUrl uri(String url) {
        int hostsFrom = url.indexOf("://") + 3;
        int authorityEnd = hostsFrom;
        while (authorityEnd < url.length() && url.charAt(authorityEnd) != '/' && url.charAt(authorityEnd) != '?') {
            authorityEnd++;
        }
        String authority = url.substring(hostsFrom, authorityEnd);
        String rest = url.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String hosts = authority.substring(at + 1);
        if (hosts.isEmpty()) {
            throw new CliException("not a Postgres URL: " + maskAny(url) + ": no host (" + EXPECTED + ")");
        }
        String user = null;
        String password = null;
        String shownUserInfo = "";
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            shownUserInfo = (colon < 0 ? userInfo : userInfo.substring(0, colon) + ":***") + "@";
        }
        String display = url.substring(0, hostsFrom) + shownUserInfo + hosts + rest;
        return new DatabaseUrl("jdbc:postgresql://" + hosts + rest, user == null || user.isEmpty() ? null : user,
                password, display);
    }

    /** Percent-decoding as in a URI's user info, where {@code +} is a plus sign. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A URL that did not parse, with anything that may be a password masked. */
    private static String maskAny(String url) {
        return url.replaceAll("(://[^:/@?]*:)[^@/?]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** The URL with the password masked. */
    @Override
    public String toString() {
        return display;
    }
}
