## Texto en español del volante de la asamblea de inquilinos (leaflets/tenants-assembly.toml).
## Las variables como { $place } vienen de la tabla [args] del archivo TOML