/** Byte address → channel/rank/bank/row/column mappings and open-page row-buffer hit/miss/conflict counting. */
package org.undervolt.dram.access;
