package io.supportlab.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Puts a one-time message on the page a redirect leads to. */
public final class Flashes {

    private Flashes() {}

    public static void success(RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute(ShellInterceptor.FLASH, Shell.Flash.success(text));
    }

    public static void error(RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute(ShellInterceptor.FLASH, Shell.Flash.error(text));
    }

    /**
     * Sends an htmx request's page to {@code path} ({@code HX-Redirect}) with a message. That
     * redirect is the browser's, not a redirect view's, so the flash is stored here; it is kept for
     * {@code path} alone, as the page may still make requests of its own (live updates, fragments)
     * before it goes, and the first of them would otherwise take the message.
     */
    public static void htmxRedirectWithSuccess(
            HttpServletRequest request, HttpServletResponse response, String path, String text) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(ShellInterceptor.FLASH, Shell.Flash.success(text));
        flash.setTargetRequestPath(path);
        FlashMapManager manager = RequestContextUtils.getFlashMapManager(request);
        if (manager != null) {
            manager.saveOutputFlashMap(flash, request, response);
        }
        response.setHeader("HX-Redirect", path);
    }
}
