package nl.werkmatch.examples.http;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty finds before a request reaches {@link Front} (a malformed request line, headers too
 * large, a body that stopped arriving) as problem documents like every other error of the API, instead of Jetty's
 * HTML page. Jetty's reason is generic and says nothing about the server's internals.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        String message = request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : null;
        byte[] body = body(status, message).body();
        response.setStatus(status);
        response.getHeaders().put("Content-Type", Front.contentTypeHeader(nl.werkmatch.examples.http.Response.PROBLEM_JSON));
        response.getHeaders().put("Content-Length", Integer.toString(body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put("Content-Type", Front.contentTypeHeader(nl.werkmatch.examples.http.Response.PROBLEM_JSON));
        return ByteBuffer.wrap(body(status, reason).body());
    }

    private static nl.werkmatch.examples.http.Response body(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return Front.problem(ApiException.http(status, "the HTTP request was refused: " + detail));
    }
}
