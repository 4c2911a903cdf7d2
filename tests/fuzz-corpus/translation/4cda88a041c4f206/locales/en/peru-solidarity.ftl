## English text of the Peru solidarity leaflet (leaflets/peru-solidarity.toml).
## Variables such as { $place } come from the [args]