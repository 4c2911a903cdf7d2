## Texto en español del volante de la asamblea de inquilinos (leaflets/tenants-assembly.toml).
## Las variables como { $place } vienen de la tabla [args] del archivo TOML.
## *texto* va en cursiva y **texto** en negrita; un asterisco literal se escribe \*.

# Los términos (nombres que empiezan con guion) se reutilizan en los mensajes,
# pero nunca aparecen solos en la página.
-estate = Marlowe Gardens
-landlord = 