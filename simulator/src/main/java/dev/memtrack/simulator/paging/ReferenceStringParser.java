package dev.memtrack.simulator.paging;

/**
 * Reads the text form of a {@link ReferenceString}. Grammar: references separated by a comma or by
 * whitespace (a comma may have whitespace around it; two commas in a row leave an empty reference,
 * which is an error); a reference is {@code page} or {@code process:page}, page a decimal
 * {@code int >= 0}, process as {@link ReferenceString#isValidProcessName}.
 */
final class ReferenceStringParser {

    private static final String ACCEPTED = "expected a page number >= 0 or process:page";

    private ReferenceStringParser() {
    }

    static ReferenceString parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedReferenceException(
                    "reference string is empty: expected page numbers separated by commas or spaces", 0);
        }
        ReferenceString.Builder builder = ReferenceString.builder();
        int length = text.length();
        int i = skipWhitespace(text, 0);
        int position = 0;
        while (i < length) {
            int start = i;
            while (i < length && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            position++;
            addReference(builder, text.substring(start, i), position);
            i = skipWhitespace(text, i);
            if (i < length && text.charAt(i) == ',') {
                i = skipWhitespace(text, i + 1);
                if (i == length || text.charAt(i) == ',') {
                    throw new MalformedReferenceException("malformed reference '' at position "
                            + (position + 1) + ": " + ACCEPTED, position + 1);
                }
            }
        }
        return builder.build();
    }

    private static void addReference(ReferenceString.Builder builder, String token, int position) {
        int colon = token.indexOf(':');
        String process = colon < 0 ? ReferenceString.DEFAULT_PROCESS : token.substring(0, colon);
        String pageText = colon < 0 ? token : token.substring(colon + 1);
        if (!ReferenceString.isValidProcessName(process)) {
            throw malformed(token, position, "expected a process name of letters, digits, '_', '-' or '.' before ':'");
        }
        if (pageText.isEmpty() || pageText.length() > 10 || !pageText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(token, position, ACCEPTED);
        }
        long page = Long.parseLong(pageText);
        if (page > Integer.MAX_VALUE) {
            throw malformed(token, position, "page numbers go up to " + Integer.MAX_VALUE);
        }
        builder.add(process, (int) page);
    }

    private static MalformedReferenceException malformed(String token, int position, String accepted) {
        return new MalformedReferenceException(
                "malformed reference '" + token + "' at position " + position + ": " + accepted, position);
    }

    private static int skipWhitespace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
