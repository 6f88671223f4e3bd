package vn.lienthong.gateway.ingress;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.gateway.ErrorCode;

/** Answers errors raised outside the routes (unknown path, wrong method) as problem+json, like the routes do. */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Problem> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        ErrorCode errorCode = switch (code) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> code >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.REQUEST_REFUSED;
        };
        Problem problem = Problem.of(errorCode, errorCode.title() + ".", List.of());
        return ResponseEntity.status(code).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE)).body(problem);
    }
}
