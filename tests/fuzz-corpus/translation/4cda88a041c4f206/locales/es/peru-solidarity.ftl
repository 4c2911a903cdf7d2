## Texto en español del volante de solidaridad con el Perú (leaflets/peru-solidarity.toml).
    .attr =
## Las variables como { $place } vienen de la tab