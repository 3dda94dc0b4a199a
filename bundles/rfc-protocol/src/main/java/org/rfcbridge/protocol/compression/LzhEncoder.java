package org.rfcbridge.protocol.compression;

import org.rfcbridge.protocol.RfcProtocolException;

/**
 * LZH as SAP writes it at its default level 2, byte for byte (checked against every {@code .lzh} of
 * {@code shared/vectors/sap-compression}): LZ77 over a {@value #WSIZE}-byte window with lazy matching, blocks
 * of at most {@value #LIT_BUFSIZE} - 1 symbols, each sent with static or dynamic Huffman trees, whichever
 * SAP's estimate finds no larger. The stream starts with noise bits x = 0 (SAP draws them at random; 0 makes
 * equal input give equal output) and ends with one extra 0x00 byte after the last block.
 */
final class LzhEncoder extends StreamEncoder {
    static final int WSIZE = 16 * 1024;
    private static final int WMASK = WSIZE - 1;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1;
    /** Farthest distance used: 16,122 (README "LZH stream"). */
    private static final int MAX_DIST = WSIZE - MIN_LOOKAHEAD;
    /** Length-3 matches farther back than this are dropped. */
    private static final int TOO_FAR = 4096;
    static final int LIT_BUFSIZE = 0x4000;
    /** Hash of three bytes; 14 bits reproduce SAP's output (15 and 13 do not: the chain limit counts collisions). */
    private static final int HASH_BITS = 14;
    private static final int HASH_SIZE = 1 << HASH_BITS;
    private static final int HASH_MASK = HASH_SIZE - 1;
    private static final int H_SHIFT = (HASH_BITS + MIN_MATCH - 1) / MIN_MATCH;
    /** Level 2: a match this long makes the search shorter... */
    private static final int GOOD_LENGTH = 6;
    /** ...a match this long is taken without looking for a longer one at the next byte... */
    private static final int MAX_LAZY = 8;
    /** ...a match this long ends the search (none but the longest possible: SAP's output says so)... */
    private static final int NICE_LENGTH = MAX_MATCH;
    /** ...and at most this many earlier positions are tried. */
    private static final int MAX_CHAIN = 16;
    private static final int NIL = 0;
    private static final HuffmanTree STATIC_LTREE = staticTree(DeflateCodes.STATIC_LTREE_LENGTHS);
    private static final HuffmanTree STATIC_DTREE = staticTree(DeflateCodes.STATIC_DTREE_LENGTHS);

    /** Two halves of {@value #WSIZE}, and room for a comparison running past the end. */
    private final byte[] window = new byte[2 * WSIZE + MAX_MATCH];
    /** Newest window position of each hash, and each position's predecessor with its hash (positions < 32768). */
    private final char[] head = new char[HASH_SIZE];
    private final char[] prev = new char[WSIZE];
    private final HuffmanTree ltree = new HuffmanTree(DeflateCodes.L_CODES, DeflateCodes.MAX_BITS,
            DeflateCodes.EXTRA_LBITS, DeflateCodes.LITERALS + 1, DeflateCodes.STATIC_LTREE_LENGTHS);
    private final HuffmanTree dtree = new HuffmanTree(DeflateCodes.D_CODES, DeflateCodes.MAX_BITS,
            DeflateCodes.EXTRA_DBITS, 0, DeflateCodes.STATIC_DTREE_LENGTHS);
    private final HuffmanTree bltree = new HuffmanTree(DeflateCodes.BL_CODES, DeflateCodes.MAX_BL_BITS,
            DeflateCodes.EXTRA_BLBITS, 0, null);
    /** The block's symbols: a literal byte or a match length - 3, and 0 or the match distance. */
    private final short[] symbols = new short[LIT_BUFSIZE];
    private final short[] distances = new short[LIT_BUFSIZE];
    private int lastLit;
    private int strstart;
    private int lookahead;
    private int insH;
    private boolean started;
    private int matchStart;
    private int matchLength = MIN_MATCH - 1;
    private int prevLength;
    private int prevMatch;
    private boolean matchAvailable;
    private int bitBuffer;
    private int bitCount;

    LzhEncoder(ByteSink sink) {
        super(sink);
        ltree.clear();
        dtree.clear();
        bltree.clear();
        ltree.freq[DeflateCodes.END_BLOCK] = 1;
        // noise: x = 0 in 2 bits, so no further noise bits
        bitCount = 2;
    }

    private static HuffmanTree staticTree(int[] lengths) {
        HuffmanTree tree = new HuffmanTree(lengths.length, DeflateCodes.MAX_BITS, null, 0, null);
        tree.setStatic(lengths);
        return tree;
    }

    @Override
    void write(byte[] b, int offset, int length) throws RfcProtocolException {
        while (length > 0) {
            int space = 2 * WSIZE - strstart - lookahead;
            if (space == 0) {
                slide();
                continue;
            }
            int n = Math.min(space, length);
            System.arraycopy(b, offset, window, strstart + lookahead, n);
            lookahead += n;
            offset += n;
            length -= n;
            if (lookahead >= MIN_LOOKAHEAD) {
                deflate(false);
            }
        }
    }

    @Override
    void finish() throws RfcProtocolException {
        // at the end of input SAP's compressor slides the window once more when it is due
        if (strstart >= WSIZE + MAX_DIST) {
            slide();
        }
        deflate(true);
        if (matchAvailable) {
            tally(0, window[strstart - 1] & 0xff);
        }
        flushBlock(true);
        if (bitCount > 0) {
            put((byte) bitBuffer);
        }
        bitBuffer = 0;
        bitCount = 0;
        put((byte) 0);
        flush();
    }

    /** Moves the upper half of the window down once the lower half is out of reach, as SAP's compressor does. */
    private void slide() {
        System.arraycopy(window, WSIZE, window, 0, WSIZE);
        matchStart -= WSIZE;
        strstart -= WSIZE;
        for (int i = 0; i < HASH_SIZE; i++) {
            head[i] = (char) Math.max(head[i] - WSIZE, NIL);
        }
        for (int i = 0; i < WSIZE; i++) {
            prev[i] = (char) Math.max(prev[i] - WSIZE, NIL);
        }
    }

    /**
     * Lazy matching over the window while it holds enough look-ahead, or to the end when {@code last}. The
     * hot state lives in locals and the hash insertion is written out, so the per-byte path stays in
     * registers; fields are written back before anything that reads them (the match search, a block).
     */
    private void deflate(boolean last) throws RfcProtocolException {
        final byte[] w = window;
        final char[] hd = head;
        final char[] pv = prev;
        if (!started) {
            started = true;
            insH = (((w[0] & 0xff) << H_SHIFT) ^ (w[1] & 0xff)) & HASH_MASK;
        }
        int h = insH;
        int s = strstart;
        int ahead = lookahead;
        final int stop = last ? 1 : MIN_LOOKAHEAD;
        while (ahead >= stop) {
            h = ((h << H_SHIFT) ^ (w[s + MIN_MATCH - 1] & 0xff)) & HASH_MASK;
            int hashHead = hd[h];
            pv[s & WMASK] = (char) hashHead;
            hd[h] = (char) s;
            prevLength = matchLength;
            prevMatch = matchStart;
            matchLength = MIN_MATCH - 1;
            if (hashHead != NIL && prevLength < MAX_LAZY && s - hashHead <= MAX_DIST) {
                strstart = s;
                matchLength = longestMatch(hashHead);
                if (matchLength > ahead) {
                    matchLength = ahead;
                }
                if (matchLength == MIN_MATCH && s - matchStart > TOO_FAR) {
                    matchLength--;
                }
            }
            if (prevLength >= MIN_MATCH && matchLength <= prevLength) {
                boolean full = tally(s - 1 - prevMatch, prevLength - MIN_MATCH);
                ahead -= prevLength - 1;
                for (int n = prevLength - 2; n > 0; n--) {
                    s++;
                    h = ((h << H_SHIFT) ^ (w[s + MIN_MATCH - 1] & 0xff)) & HASH_MASK;
                    pv[s & WMASK] = hd[h];
                    hd[h] = (char) s;
                }
                matchAvailable = false;
                matchLength = MIN_MATCH - 1;
                s++;
                if (full) {
                    flushBlock(false);
                }
            } else if (matchAvailable) {
                if (tally(0, w[s - 1] & 0xff)) {
                    flushBlock(false);
                }
                s++;
                ahead--;
            } else {
                matchAvailable = true;
                s++;
                ahead--;
            }
        }
        insH = h;
        strstart = s;
        lookahead = ahead;
    }

    /**
     * The longest earlier match at {@code strstart}, from the hash chain's newest entry. Like SAP's, the
     * comparison runs up to {@value #MAX_MATCH} bytes even past the input's end, into what the window still
     * holds from before its last slide (zeros before the first), and the caller cuts the length to the input
     * left: which candidate wins at the very end depends on it (s21 of the vectors).
     */
    private int longestMatch(int curMatch) {
        final byte[] w = window;
        final int scan = strstart;
        int chain = prevLength >= GOOD_LENGTH ? MAX_CHAIN >> 2 : MAX_CHAIN;
        int bestLength = prevLength;
        int limit = scan > MAX_DIST ? scan - MAX_DIST : NIL;
        // a candidate can only be longer if it also matches at the best length and the byte before it
        byte scanEnd1 = w[scan + bestLength - 1];
        byte scanEnd = w[scan + bestLength];
        byte first = w[scan];
        byte second = w[scan + 1];
        do {
            int match = curMatch;
            if (w[match + bestLength] != scanEnd || w[match + bestLength - 1] != scanEnd1 || w[match] != first
                    || w[match + 1] != second) {
                continue;
            }
            int length = 2;
            while (length < MAX_MATCH && w[match + length] == w[scan + length]) {
                length++;
            }
            if (length > bestLength) {
                matchStart = curMatch;
                bestLength = length;
                if (length >= NICE_LENGTH) {
                    break;
                }
                scanEnd1 = w[scan + bestLength - 1];
                scanEnd = w[scan + bestLength];
            }
        } while ((curMatch = prev[curMatch & WMASK]) > limit && --chain != 0);
        return bestLength;
    }

    /** Records a literal ({@code dist} 0) or a match; true when the block is full. */
    private boolean tally(int dist, int lc) {
        symbols[lastLit] = (short) lc;
        distances[lastLit] = (short) dist;
        lastLit++;
        if (dist == 0) {
            ltree.freq[lc]++;
        } else {
            ltree.freq[DeflateCodes.LENGTH_CODE[lc] + DeflateCodes.LITERALS + 1]++;
            dtree.freq[DeflateCodes.distanceCode(dist - 1)]++;
        }
        return lastLit == LIT_BUFSIZE - 1;
    }

    private void flushBlock(boolean eof) throws RfcProtocolException {
        long[] cost = new long[2];
        ltree.build(cost);
        dtree.build(cost);
        int maxBlIndex = buildBitLengthTree(cost);
        long dynamicBytes = (cost[0] + 3 + 7) >>> 3;
        long staticBytes = (cost[1] + 3 + 7) >>> 3;
        int last = eof ? 1 : 0;
        if (staticBytes <= dynamicBytes) {
            sendBits(1 << 1 | last, 3);
            sendSymbols(STATIC_LTREE, STATIC_DTREE);
        } else {
            sendBits(2 << 1 | last, 3);
            sendBits(ltree.maxCode + 1 - 257, 5);
            sendBits(dtree.maxCode + 1 - 1, 5);
            sendBits(maxBlIndex + 1 - 4, 4);
            for (int rank = 0; rank <= maxBlIndex; rank++) {
                sendBits(bltree.len[DeflateCodes.BL_ORDER[rank]], 3);
            }
            sendTree(ltree);
            sendTree(dtree);
            sendSymbols(ltree, dtree);
        }
        ltree.clear();
        dtree.clear();
        bltree.clear();
        ltree.freq[DeflateCodes.END_BLOCK] = 1;
        lastLit = 0;
    }

    private int buildBitLengthTree(long[] cost) throws RfcProtocolException {
        scanTree(ltree);
        scanTree(dtree);
        bltree.build(cost);
        int maxBlIndex;
        for (maxBlIndex = DeflateCodes.BL_CODES - 1; maxBlIndex >= 3; maxBlIndex--) {
            if (bltree.len[DeflateCodes.BL_ORDER[maxBlIndex]] != 0) {
                break;
            }
        }
        cost[0] += 3L * (maxBlIndex + 1) + 5 + 5 + 4;
        return maxBlIndex;
    }

    /** Counts the code-length symbols that {@link #sendTree} will write. */
    private void scanTree(HuffmanTree tree) throws RfcProtocolException {
        runs(tree, false);
    }

    private void sendTree(HuffmanTree tree) throws RfcProtocolException {
        runs(tree, true);
    }

    /** Walks a tree's code lengths as runs: counted into the code-length tree, or sent with it. */
    private void runs(HuffmanTree tree, boolean send) throws RfcProtocolException {
        int prevLen = -1;
        int nextLen = tree.len[0];
        int count = 0;
        int maxCount = nextLen == 0 ? 138 : 7;
        int minCount = nextLen == 0 ? 3 : 4;
        for (int n = 0; n <= tree.maxCode; n++) {
            int curLen = nextLen;
            nextLen = tree.lengthOrGuard(n + 1);
            if (++count < maxCount && curLen == nextLen) {
                continue;
            } else if (count < minCount) {
                if (send) {
                    for (; count > 0; count--) {
                        sendCode(curLen, bltree);
                    }
                } else {
                    bltree.freq[curLen] += count;
                }
            } else if (curLen != 0) {
                if (curLen != prevLen) {
                    if (send) {
                        sendCode(curLen, bltree);
                        count--;
                    } else {
                        bltree.freq[curLen]++;
                    }
                }
                if (send) {
                    sendCode(DeflateCodes.REP_3_6, bltree);
                    sendBits(count - 3, 2);
                } else {
                    bltree.freq[DeflateCodes.REP_3_6]++;
                }
            } else if (count <= 10) {
                if (send) {
                    sendCode(DeflateCodes.REPZ_3_10, bltree);
                    sendBits(count - 3, 3);
                } else {
                    bltree.freq[DeflateCodes.REPZ_3_10]++;
                }
            } else if (send) {
                sendCode(DeflateCodes.REPZ_11_138, bltree);
                sendBits(count - 11, 7);
            } else {
                bltree.freq[DeflateCodes.REPZ_11_138]++;
            }
            count = 0;
            prevLen = curLen;
            if (nextLen == 0) {
                maxCount = 138;
                minCount = 3;
            } else if (curLen == nextLen) {
                maxCount = 6;
                minCount = 3;
            } else {
                maxCount = 7;
                minCount = 4;
            }
        }
    }

    private void sendSymbols(HuffmanTree lt, HuffmanTree dt) throws RfcProtocolException {
        for (int i = 0; i < lastLit; i++) {
            int lc = symbols[i] & 0xffff;
            int dist = distances[i] & 0xffff;
            if (dist == 0) {
                sendCode(lc, lt);
                continue;
            }
            int code = DeflateCodes.LENGTH_CODE[lc];
            sendCode(code + DeflateCodes.LITERALS + 1, lt);
            int extra = DeflateCodes.EXTRA_LBITS[code];
            if (extra != 0) {
                sendBits(lc - DeflateCodes.BASE_LENGTH[code], extra);
            }
            dist--;
            code = DeflateCodes.distanceCode(dist);
            sendCode(code, dt);
            extra = DeflateCodes.EXTRA_DBITS[code];
            if (extra != 0) {
                sendBits(dist - DeflateCodes.BASE_DIST[code], extra);
            }
        }
        sendCode(DeflateCodes.END_BLOCK, lt);
    }

    private void sendCode(int symbol, HuffmanTree tree) throws RfcProtocolException {
        sendBits(tree.code[symbol], tree.len[symbol]);
    }

    private void sendBits(int value, int length) throws RfcProtocolException {
        bitBuffer |= value << bitCount;
        bitCount += length;
        while (bitCount >= 8) {
            put((byte) bitBuffer);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }
}
