package org.openrpiconnect.daemon.board;

import org.openrpiconnect.protocol.board.BoardModel;
import org.openrpiconnect.protocol.board.MemorySize;

import java.util.Map;
import java.util.Optional;

/**
 * Decodes the {@code Revision} code of /proc/cpuinfo. New-style codes (bit 23 set): bits 0-3 board revision
 * ("1.n"), 4-11 type, 20-22 memory. Old-style codes (the first boards, 0002-0015) come from a fixed table; their
 * high bits (overvoltage/warranty flags) are ignored.
 */
public final class RevisionDecoder {
    private static final int NEW_STYLE_FLAG = 1 << 23;

    private static final Map<Integer, BoardRevision> OLD_STYLE = Map.ofEntries(
            Map.entry(0x02, old(BoardModel.B, "1.0", MemorySize.MB_256)),
            Map.entry(0x03, old(BoardModel.B, "1.0", MemorySize.MB_256)),
            Map.entry(0x04, old(BoardModel.B, "2.0", MemorySize.MB_256)),
            Map.entry(0x05, old(BoardModel.B, "2.0", MemorySize.MB_256)),
            Map.entry(0x06, old(BoardModel.B, "2.0", MemorySize.MB_256)),
            Map.entry(0x07, old(BoardModel.A, "2.0", MemorySize.MB_256)),
            Map.entry(0x08, old(BoardModel.A, "2.0", MemorySize.MB_256)),
            Map.entry(0x09, old(BoardModel.A, "2.0", MemorySize.MB_256)),
            Map.entry(0x0d, old(BoardModel.B, "2.0", MemorySize.MB_512)),
            Map.entry(0x0e, old(BoardModel.B, "2.0", MemorySize.MB_512)),
            Map.entry(0x0f, old(BoardModel.B, "2.0", MemorySize.MB_512)),
            Map.entry(0x10, old(BoardModel.B_PLUS, "1.2", MemorySize.MB_512)),
            Map.entry(0x11, old(BoardModel.CM1, "1.0", MemorySize.MB_512)),
            Map.entry(0x12, old(BoardModel.A_PLUS, "1.1", MemorySize.MB_256)),
            Map.entry(0x13, old(BoardModel.B_PLUS, "1.2", MemorySize.MB_512)),
            Map.entry(0x14, old(BoardModel.CM1, "1.0", MemorySize.MB_512)),
            // Shipped with 256 MB or 512 MB under the same code: the memory is not knowable from it.
            Map.entry(0x15, old(BoardModel.A_PLUS, "1.1", null)));

    private RevisionDecoder() {}

    /** Decodes a hex code as /proc/cpuinfo shows it ("c03111", "0010", "1000002"); empty when unknown. */
    public static Optional<BoardRevision> decode(String hex) {
        if (hex == null) return Optional.empty();
        int code;
        try {
            code = (int) Long.parseLong(hex.trim(), 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return decode(code);
    }

    public static Optional<BoardRevision> decode(int code) {
        if ((code & NEW_STYLE_FLAG) == 0) {
            return Optional.ofNullable(OLD_STYLE.get(code & 0xffff));
        }
        int type = (code >> 4) & 0xff;
        int memory = (code >> 20) & 0x7;
        int revision = code & 0xf;
        return BoardModel.byTypeCode(type)
                .map(model -> new BoardRevision(model, "1." + revision, MemorySize.byCode(memory).orElse(null)));
    }

    private static BoardRevision old(BoardModel model, String revision, MemorySize memory) {
        return new BoardRevision(model, revision, memory);
    }
}
