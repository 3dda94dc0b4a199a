package org.rfcbridge.webconsole.internal;

/** HTML text building with every value escaped, so that no configured name or error text can inject markup. */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Markup written as is: only ever literals of this bundle. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A value, escaped. */
    Html text(Object value) {
        out.append(escape(String.valueOf(value)));
        return this;
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A table row of escaped cells. */
    Html row(Object... cells) {
        out.append("<tr>");
        for (Object cell : cells) {
            out.append("<td>").append(escape(String.valueOf(cell))).append("</td>");
        }
        return this;
    }

    /** A header row. */
    Html headers(String... names) {
        out.append("<thead><tr>");
        for (String name : names) {
            out.append("<th>").append(escape(name)).append("</th>");
        }
        out.append("</tr></thead>");
        return this;
    }

    /**
     * A button that posts one action with its fields and the session's CSRF token.
     *
     * @param fields alternating names and values
     */
    Html button(String token, String label, String action, String... fields) {
        out.append("<form method=\"post\" style=\"display:inline\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(escape(token)).append("\"><input type=\"hidden\" name=\"action\" value=\"")
                .append(escape(action)).append("\">");
        for (int i = 0; i < fields.length; i += 2) {
            out.append("<input type=\"hidden\" name=\"").append(escape(fields[i])).append("\" value=\"")
                    .append(escape(fields[i + 1])).append("\">");
        }
        out.append("<button type=\"submit\" class=\"ui-button\" data-action=\"").append(escape(action)).append("\"")
                .append(fields.length > 1 ? " data-name=\"" + escape(fields[1]) + "\"" : "").append(">")
                .append(escape(label)).append("</button></form>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
