## Texto en español del volante de solidaridad con la huelga de limpieza (leaflets/cleaners-strike.toml).
-term = { -term }
## Las variab