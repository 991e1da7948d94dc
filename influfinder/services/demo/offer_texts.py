"""What the demo businesses write in their offers, in English and, in Spain and Mexico, in Spanish."""

from __future__ import annotations

from influfinder.domain.enums import CompensationType, Currency, OfferCategory

CITIES = {
    "Madrid": Currency.EUR, "Barcelona": Currency.EUR, "Valencia": Currency.EUR, "Sevilla": Currency.EUR,
    "Ciudad de México": Currency.MXN, "Guadalajara": Currency.MXN, "Austin": Currency.USD, "Miami": Currency.USD,
}
TITLES = {
    OfferCategory.FOOD: ["Brunch tasting for two", "New seasonal menu reel", "Coffee ritual stories", "Chef's table night"],
    OfferCategory.FASHION: ["Autumn capsule lookbook", "Sustainable denim try-on", "Street style weekend", "Sneaker drop unboxing"],
    OfferCategory.BEAUTY: ["Skincare routine review", "Salon makeover day", "Clean beauty GRWM", "Fragrance launch story"],
    OfferCategory.TRAVEL: ["Boutique hotel staycation", "Rooftop sunset weekend", "Hidden gems city guide", "Wine country escape"],
    OfferCategory.TECH: ["Noise-cancelling headphones review", "Smart home setup tour", "Creator camera kit test", "Productivity app walkthrough"],
    OfferCategory.FITNESS: ["Boutique gym first class", "Running club takeover", "Yoga retreat morning", "Protein bar taste test"],
    OfferCategory.LIFESTYLE: ["Plant shop styling session", "Vinyl bar evening", "Ceramics workshop", "Bookshop café afternoon"],
    OfferCategory.HOME: ["Living room refresh", "Candle collection flatlay", "Kitchenware cook-along", "Bedding unboxing"],
    OfferCategory.ENTERTAINMENT: ["Escape room challenge", "Comedy club night", "Immersive art exhibition", "Karaoke launch party"],
}
# The same offers, as a business in Spain or Mexico writes them (offers there are in Spanish).
SPANISH_CITIES = {"Madrid", "Barcelona", "Valencia", "Sevilla", "Ciudad de México", "Guadalajara"}
TITLES_ES = {
    OfferCategory.FOOD: ["Degustación de brunch para dos", "Reel del nuevo menú de temporada", "Historias del ritual del café",
                         "Noche en la mesa del chef"],
    OfferCategory.FASHION: ["Lookbook de la cápsula de otoño", "Prueba de vaqueros sostenibles", "Fin de semana de street style",
                            "Unboxing del nuevo lanzamiento de zapatillas"],
    OfferCategory.BEAUTY: ["Reseña de rutina de cuidado facial", "Día de cambio de look en el salón", "GRWM de belleza natural",
                           "Historia del lanzamiento de un perfume"],
    OfferCategory.TRAVEL: ["Escapada a un hotel boutique", "Fin de semana de atardeceres en la azotea",
                           "Guía de rincones escondidos", "Escapada a la tierra del vino"],
    OfferCategory.TECH: ["Reseña de auriculares con cancelación de ruido", "Tour por una casa inteligente",
                         "Prueba de kit de cámara para creadores", "Recorrido por una app de productividad"],
    OfferCategory.FITNESS: ["Primera clase en un gimnasio boutique", "Toma del club de running", "Mañana de retiro de yoga",
                            "Cata de barritas de proteína"],
    OfferCategory.LIFESTYLE: ["Sesión de estilismo en una tienda de plantas", "Tarde en un bar de vinilos", "Taller de cerámica",
                              "Tarde en una librería café"],
    OfferCategory.HOME: ["Renovación del salón", "Flatlay de la colección de velas", "Cocina en directo con menaje nuevo",
                         "Unboxing de ropa de cama"],
    OfferCategory.ENTERTAINMENT: ["Reto en una sala de escape", "Noche de club de comedia", "Exposición de arte inmersivo",
                                  "Fiesta de lanzamiento de karaoke"],
}
COMPENSATION = {CompensationType.PAID: "Paid on approval of the content.",
                 CompensationType.PRODUCT: "You keep the products featured.",
                 CompensationType.EXPERIENCE: "The full experience for you and a guest."}
COMPENSATION_ES = {CompensationType.PAID: "Se paga al aprobar el contenido.",
                    CompensationType.PRODUCT: "Te quedas con los productos que aparecen.",
                    CompensationType.EXPERIENCE: "La experiencia completa para ti y un acompañante."}


def description(brand: str, city: str, title: str, requires_visit: bool, spanish: bool) -> str:
    if spanish:
        return (f"{brand} busca creadores en {city} para «{title.lower()}». Enseña a tu audiencia qué lo hace "
                f"especial, con tu propia voz. {'La visita corre de nuestra cuenta; ' if requires_visit else 'Te enviamos todo lo que necesitas; '}"
                "revisamos tu contenido en dos días laborables.")
    return (f"{brand} is looking for creators in {city} for \"{title.lower()}\". "
            f"Show your audience what makes it special, in your own voice. "
            f"{'The visit is on us; ' if requires_visit else 'We ship everything you need; '}"
            f"we review your content within two working days.")



MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre")


def caption(title: str, hashtags: list[str], mention: str, spanish: bool) -> str:
    """What a creator posts: about the offer, with its hashtags, the mention and #ad (disclosure)."""
    tags = " ".join(dict.fromkeys([*hashtags, "#ad"]))
    if spanish:
        return f"Así fue «{title.lower()}»: me encantó y os lo cuento todo. {tags} {mention}"
    return f"This is how \"{title.lower()}\" went: I loved it and I tell you everything. {tags} {mention}"
