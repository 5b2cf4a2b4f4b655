package io.supportlab.faq;

/** Damerau–Levenshtein distance (optimal string alignment: a swap of neighbours is one edit), over code points. */
final class EditDistance {

    private EditDistance() {}

    /** The distance between {@code a} and {@code b}, or {@code limit + 1} when it is larger than {@code limit}. */
    static int between(int[] a, int[] b, int limit) {
        if (Math.abs(a.length - b.length) > limit) {
            return limit + 1;
        }
        int[] beforePrevious = new int[b.length + 1];
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    best = Math.min(best, beforePrevious[j - 2] + 1);
                }
                current[j] = best;
                rowMin = Math.min(rowMin, best);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[b.length], limit + 1);
    }
}
