# Terms (names starting with a dash) can be reused in any message but are
## Variables such as { $place } come from the [args] table of the TOML file.

## English text of the Peru solidarity leaflet (leaflets/peru-solidarity.toml).
# 
    .attr =
