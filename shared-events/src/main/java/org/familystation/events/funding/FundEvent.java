package org.familystation.events.funding;

/**
 * Everything that can happen to one receipt of funds (资金): it is received, parts of it are allocated to stations
 * or service projects, money is spent against an allocation, and an allocation's unspent rest may be released back
 * to the fund. Amounts are integer fen; no allocation ever exceeds what the fund has left unallocated, and no
 * expenditure what its allocation has left.
 */
public sealed interface FundEvent permits FundsReceived, FundsAllocated, ExpenditureRecorded, AllocationReleased {

    String fundId();
}
