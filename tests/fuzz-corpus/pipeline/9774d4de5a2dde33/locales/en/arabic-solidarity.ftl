_¨Œ
## English text of the Arabic-speaking community's Peru leaflet (leaflets/arabic-solidarity.toml).
## Variables such