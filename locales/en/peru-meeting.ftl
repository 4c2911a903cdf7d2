## English text of the two-page Peru meeting leaflet (leaflets/peru-meeting.toml).

-boluarte = Dina Boluarte
-castillo = Pedro Castillo

headline = Peru: the coup regime must fall

intro =
    On 7 December Peru’s Congress removed President { -castillo } and put
    { -boluarte } in his place. Castillo, a rural schoolteacher from Cajamarca, had
    been elected by the poor of the Andes and the Amazon against the candidate of
    Lima’s rich. Congress never accepted that result, and for a year and a half it
    tried to bring him down. When it finally did, the people who had voted for him
    came out onto the roads, the squares and the airports.

massacres =
    The regime answered with the army. In Ayacucho on 15 December soldiers shot
    ten people dead, some of them far from any protest. In Juliaca on 9 January
    police killed eighteen more in a single day. In five weeks { $killed } people
    have been killed by the army and the police, most of them young, most of them
    from the poor south. Not one officer has been charged. Boluarte calls the
    protesters terrorists; her ministers say they are paid by drug traffickers.
    Every lie is meant to make the next massacre easier.

chant = “This democracy is no longer a democracy!” – the chant in every square from Puno to Lima

behind = Who is behind the coup

congress =
    The Congress that removed Castillo is trusted by fewer than one Peruvian in
    ten. Many of its members sit for parties that exist to protect a business, a
    private university or a fortune made under the dictatorship of Alberto
    Fujimori, whose 1993 constitution still rules the country. That constitution
    handed the mines, the gas and the water to private companies, and made it
    almost impossible for the people to change it.

mines =
    The mines of the south are the real prize. Copper from Apurímac, Cusco and
    Moquegua leaves the country through companies listed in London, Zurich and
    Toronto, while the communities around the pits have no clean water. When those
    communities block a road, the state declares an emergency and sends in the
    troops. The coup is their guarantee that nothing will change.

demands = What we demand

demand-boluarte = Boluarte out, and the coup Congress with her!
demand-justice = Justice for the dead: trial for those who gave the order to shoot, and for those who fired.
demand-prisoners = Freedom for every political prisoner, { -castillo } among them, and an end to the state of emergency.
demand-assembly = A constituent assembly elected by the workers, peasants and indigenous peoples, not one drawn up by Congress.
demand-uk = No British arms, training or diplomatic cover for a regime that shoots its own people.

meeting = Come to the public meeting

meeting-text =
    Speakers from the Peruvian community in London, from trade unions here and,
    by video from Puno and Lima, from the movement in Peru will report on the
    strike, the road blocks and the march on the capital, and on what solidarity
    from Britain can achieve. There will be time for questions, and for planning
    the next protest together.

join =
    Bring friends and workmates. If your union branch, student union or community
    group can send a message of support or a donation to the strike funds, speak
    to us at the meeting. Their fight is ours.

slogan = Down with the coup! The people will decide!

turn-over = Please turn over

when-where = Thursday { $day } January { $year }, 7 pm – { $place }
    .entry = Free entry. Collection for the strike funds in Peru.
