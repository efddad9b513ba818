package nl.werkmatch.matcher.model;

/** The civic integration route a statushouder follows: the B1-route, the Z-route (target A1), the onderwijsroute, or none. */
public enum InburgeringRoute {
    /** The B1-route: Dutch at B1 while working or volunteering. */
    B1,
    /** The Z-route (zelfredzaamheid), with A1 as its target. */
    Z,
    /** The onderwijsroute, towards Dutch education. */
    ONDERWIJS,
    /** No route, or none that is known. */
    NONE
}
