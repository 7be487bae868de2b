package dev.memtrack.hawtio.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.web.filter.OncePerRequestFilter;

/** Applies {@link LocalRequestCheck} to every request; a refused request gets 403 and the reason as text. */
final class LocalRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> rejection = LocalRequestCheck.rejection(request.getMethod(), path,
                request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Sec-Fetch-Mode"));
        if (rejection.isPresent()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write((rejection.get() + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
