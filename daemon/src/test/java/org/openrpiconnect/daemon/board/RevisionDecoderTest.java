package org.openrpiconnect.daemon.board;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.board.BoardModel;
import org.openrpiconnect.protocol.board.MemorySize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionDecoderTest {
    @Test
    void new_style_code_gives_type_memory_and_revision() {
        BoardRevision pi4 = RevisionDecoder.decode("c03111").orElseThrow();
        assertEquals(BoardModel.PI_4B, pi4.model());
        assertEquals(MemorySize.GB_4, pi4.memory());
        assertEquals("1.1", pi4.revision());

        BoardRevision pi5 = RevisionDecoder.decode("d04170").orElseThrow();
        assertEquals(BoardModel.PI_5, pi5.model());
        assertEquals(MemorySize.GB_8, pi5.memory());
        assertEquals("1.0", pi5.revision());

        BoardRevision zero2 = RevisionDecoder.decode("902120").orElseThrow();
        assertEquals(BoardModel.ZERO_2_W, zero2.model());
        assertEquals(MemorySize.MB_512, zero2.memory());
    }

    @Test
    void new_style_flag_bits_above_memory_do_not_change_the_result() {
        // bit 25 (warranty voided) set on a Pi 3B+ code a020d3
        BoardRevision r = RevisionDecoder.decode(Integer.toHexString(0xa020d3 | (1 << 25))).orElseThrow();
        assertEquals(BoardModel.PI_3B_PLUS, r.model());
        assertEquals(MemorySize.GB_1, r.memory());
        assertEquals("1.3", r.revision());
    }

    @Test
    void old_style_codes_come_from_the_table() {
        BoardRevision b = RevisionDecoder.decode("0002").orElseThrow();
        assertEquals(BoardModel.B, b.model());
        assertEquals("1.0", b.revision());
        assertEquals(MemorySize.MB_256, b.memory());

        BoardRevision bPlus = RevisionDecoder.decode("0010").orElseThrow();
        assertEquals(BoardModel.B_PLUS, bPlus.model());
        assertEquals(MemorySize.MB_512, bPlus.memory());
        assertEquals("1.2", bPlus.revision());
    }

    @Test
    void old_style_code_with_overvoltage_prefix_is_still_decoded() {
        BoardRevision b = RevisionDecoder.decode("1000002").orElseThrow();
        assertEquals(BoardModel.B, b.model());
    }

    @Test
    void old_style_code_with_two_possible_memory_sizes_reports_no_memory() {
        BoardRevision aPlus = RevisionDecoder.decode("0015").orElseThrow();
        assertEquals(BoardModel.A_PLUS, aPlus.model());
        assertNull(aPlus.memory());
    }

    @Test
    void unknown_or_garbled_codes_decode_to_nothing() {
        assertTrue(RevisionDecoder.decode("0001").isEmpty());
        assertTrue(RevisionDecoder.decode("0016").isEmpty());
        assertTrue(RevisionDecoder.decode("8ff0f0").isEmpty(), "type 0x0f is no known board");
        assertTrue(RevisionDecoder.decode("not-hex").isEmpty());
        assertTrue(RevisionDecoder.decode((String) null).isEmpty());
    }
}
