## English text of leaflets/chinatown-centre.toml.

headline = Save the Chinatown Community Centre!

intro =
    The council plans to sell the community centre on Gerrard Street to developers.
    For forty years it has been where elders meet, children learn Chinese, and new
    arrivals get help with forms and letters. Once it is gone, it will not come back.
    .demands = We demand:

demand-sale = Stop the sale of the centre.
demand-consultation = A public consultation in Chinese and English.
demand-funding = Funding for the advice service for the next five years.

slogan = Our centre, our community!

when-where = Saturday 15 March, 11 am – { $place }
