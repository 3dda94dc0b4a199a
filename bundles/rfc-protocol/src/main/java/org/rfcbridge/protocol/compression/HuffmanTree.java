package org.rfcbridge.protocol.compression;

/**
 * One of LZH's three Huffman trees (literals and lengths, distances, code lengths), built from symbol
 * frequencies the way SAP's compressor builds them, so that the code lengths, and with them the output,
 * are SAP's: a heap ordered by frequency and then subtree depth; lengths above the limit moved down
 * among the least frequent leaves; canonical codes. It also sums the block's cost under these codes and
 * under the static tree, which decides between a static and a dynamic block.
 */
final class HuffmanTree {
    /** Heap and node space, as for the largest tree (2 x 286 + 1). */
    private static final int HEAP_SIZE = 2 * DeflateCodes.L_CODES + 1;
    final int[] freq;
    final int[] len;
    final int[] code;
    private final int[] dad;
    private final int[] depth;
    private final int elems;
    private final int maxLength;
    private final int[] extraBits;
    private final int extraBase;
    /** Lengths of the static tree, or null (the code-length tree has none). */
    private final int[] staticLengths;
    private final int[] heap = new int[HEAP_SIZE];
    private int heapLength;
    private int heapMax;
    /** Largest symbol with a non-zero frequency after {@link #build}. */
    int maxCode;
    final int[] blCount = new int[DeflateCodes.MAX_BITS + 1];

    HuffmanTree(int elems, int maxLength, int[] extraBits, int extraBase, int[] staticLengths) {
        this.elems = elems;
        this.maxLength = maxLength;
        this.extraBits = extraBits;
        this.extraBase = extraBase;
        this.staticLengths = staticLengths;
        this.freq = new int[HEAP_SIZE];
        this.len = new int[HEAP_SIZE];
        this.code = new int[HEAP_SIZE];
        this.dad = new int[HEAP_SIZE];
        this.depth = new int[HEAP_SIZE];
    }

    void clear() {
        java.util.Arrays.fill(freq, 0, elems, 0);
    }

    /** Length of symbol {@code n}, -1 past the last used one (the run-length scan's guard). */
    int lengthOrGuard(int n) {
        return n > maxCode ? -1 : len[n];
    }

    /**
     * Builds the tree from the frequencies and adds the block's cost to {@code cost}: [0] with this tree,
     * [1] with the static tree.
     */
    void build(long[] cost) {
        heapLength = 0;
        heapMax = HEAP_SIZE;
        int max = -1;
        for (int n = 0; n < elems; n++) {
            if (freq[n] != 0) {
                heap[++heapLength] = max = n;
                depth[n] = 0;
            } else {
                len[n] = 0;
            }
        }
        // a tree needs two codes, even for a block with one distance or none
        while (heapLength < 2) {
            int node = heap[++heapLength] = max < 2 ? ++max : 0;
            freq[node] = 1;
            depth[node] = 0;
            cost[0]--;
            if (staticLengths != null) {
                cost[1] -= staticLengths[node];
            }
        }
        maxCode = max;
        for (int n = heapLength / 2; n >= 1; n--) {
            downHeap(n);
        }
        int node = elems;
        do {
            int n = heap[1];
            heap[1] = heap[heapLength--];
            downHeap(1);
            int m = heap[1];
            heap[--heapMax] = n;
            heap[--heapMax] = m;
            freq[node] = freq[n] + freq[m];
            depth[node] = Math.max(depth[n], depth[m]) + 1;
            dad[n] = dad[m] = node;
            heap[1] = node++;
            downHeap(1);
        } while (heapLength >= 2);
        heap[--heapMax] = heap[1];
        bitLengths(cost);
        codes();
    }

    private boolean smaller(int n, int m) {
        return freq[n] < freq[m] || freq[n] == freq[m] && depth[n] <= depth[m];
    }

    private void downHeap(int k) {
        int v = heap[k];
        int j = k << 1;
        while (j <= heapLength) {
            if (j < heapLength && smaller(heap[j + 1], heap[j])) {
                j++;
            }
            if (smaller(v, heap[j])) {
                break;
            }
            heap[k] = heap[j];
            k = j;
            j <<= 1;
        }
        heap[k] = v;
    }

    private void bitLengths(long[] cost) {
        java.util.Arrays.fill(blCount, 0);
        len[heap[heapMax]] = 0;
        int overflow = 0;
        int h;
        for (h = heapMax + 1; h < HEAP_SIZE; h++) {
            int n = heap[h];
            int bits = len[dad[n]] + 1;
            if (bits > maxLength) {
                bits = maxLength;
                overflow++;
            }
            len[n] = bits;
            if (n > maxCode) {
                continue;
            }
            blCount[bits]++;
            int extra = n >= extraBase ? extraBits[n - extraBase] : 0;
            cost[0] += (long) freq[n] * (bits + extra);
            if (staticLengths != null) {
                cost[1] += (long) freq[n] * (staticLengths[n] + extra);
            }
        }
        if (overflow == 0) {
            return;
        }
        do {
            int bits = maxLength - 1;
            while (blCount[bits] == 0) {
                bits--;
            }
            blCount[bits]--;
            blCount[bits + 1] += 2;
            blCount[maxLength]--;
            overflow -= 2;
        } while (overflow > 0);
        for (int bits = maxLength; bits != 0; bits--) {
            int n = blCount[bits];
            while (n != 0) {
                int m = heap[--h];
                if (m > maxCode) {
                    continue;
                }
                if (len[m] != bits) {
                    cost[0] += (long) (bits - len[m]) * freq[m];
                    len[m] = bits;
                }
                n--;
            }
        }
    }

    private void codes() {
        int[] next = new int[DeflateCodes.MAX_BITS + 1];
        int c = 0;
        for (int bits = 1; bits <= DeflateCodes.MAX_BITS; bits++) {
            c = (c + blCount[bits - 1]) << 1;
            next[bits] = c;
        }
        for (int n = 0; n <= maxCode; n++) {
            if (len[n] != 0) {
                code[n] = DeflateCodes.reverse(next[len[n]]++, len[n]);
            }
        }
    }

    /** Sets this to a static tree: the given lengths and their canonical codes. */
    void setStatic(int[] lengths) {
        java.util.Arrays.fill(blCount, 0);
        for (int n = 0; n < lengths.length; n++) {
            len[n] = lengths[n];
            blCount[lengths[n]]++;
        }
        maxCode = lengths.length - 1;
        codes();
    }
}
