import { z } from "zod";

/** Event seqs are PostgreSQL `integer`s: a seq past 2³¹−1 is refused here rather than overflowing in the query. */
export const MAX_SEQ = 2_147_483_647;

export const ZSeq = z.number().int().min(0).max(MAX_SEQ);
