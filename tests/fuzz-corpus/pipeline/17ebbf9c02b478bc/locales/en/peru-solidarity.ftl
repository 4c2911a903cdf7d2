
# Terms (names starting with a dash) can be reused in any message but are
# 