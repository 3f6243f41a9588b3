// Network reachability relationships the analysis derives (the internet → what it reaches).
export {};
