// Data-access relationships the analysis derives (principal or the internet → data resource).
export {};
