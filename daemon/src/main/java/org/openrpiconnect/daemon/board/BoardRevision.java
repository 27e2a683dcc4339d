package org.openrpiconnect.daemon.board;

import org.openrpiconnect.protocol.board.BoardModel;
import org.openrpiconnect.protocol.board.MemorySize;

/**
 * A decoded revision code. {@code memory} may be null (a few old boards shipped with two sizes under one code).
 *
 * @param revision the board revision as Raspberry Pi shows it, e.g. "1.4"
 */
public record BoardRevision(BoardModel model, String revision, MemorySize memory) {}
