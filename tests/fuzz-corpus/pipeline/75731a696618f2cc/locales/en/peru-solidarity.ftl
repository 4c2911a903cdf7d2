

## English text of the Peru solidarity leaflet (leaflets/peru-solidarity.toml).
|Jøë ıA_mJMÎoøS\š7Ç¦## Variables such as { $place } come from the [args] table of the TOML file.

# Terms (names starting with a dash) can be reused in any message but are
# 