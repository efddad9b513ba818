/** Dutch geography: municipalities, labour market regions, postcodes, distance. */
package nl.werkmatch.matcher.geo;
