package nl.werkmatch.matcher.model;

/** The civic integration route a statushouder follows: the B1-route, the Z-route (target A1), the onderwijsroute, or none. */
public enum InburgeringRoute {
    B1, Z, ONDERWIJS, NONE
}
