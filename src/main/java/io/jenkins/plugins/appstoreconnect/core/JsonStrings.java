package io.jenkins.plugins.appstoreconnect.core;

/** JSON string literals, for the few small JSON documents core writes (token parts, fastlane's key file). */
public final class JsonStrings {
    private JsonStrings() {}

    /** Appends {@code s} as a JSON string literal (RFC 8259), escaping quotes, backslashes and control characters. */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int start = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            sb.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    sb.append("\\u");
                    String hex = Integer.toHexString(c);
                    for (int pad = hex.length(); pad < 4; pad++) {
                        sb.append('0');
                    }
                    sb.append(hex);
            }
        }
        sb.append(s, start, s.length());
        sb.append('"');
    }
}
