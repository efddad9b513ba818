package nl.werkmatch.examples.http;

import nl.werkmatch.examples.RecordKind;
import nl.werkmatch.matcher.Matcher;

/** Every route of the API, in one place; the OpenAPI document must list exactly these (a test checks it). */
final class Routes {
    private Routes() {
    }

    static Router of(Matcher matcher) {
        Router router = new Router();
        new DocumentRoutes<>(matcher, RecordKind.PROFILES).register(router);
        new DocumentRoutes<>(matcher, RecordKind.VACANCIES).register(router);
        new MatchRoutes(matcher).register(router);
        new AdviceRoutes(matcher).register(router);
        new ServiceRoutes(matcher).register(router);
        return router;
    }
}
