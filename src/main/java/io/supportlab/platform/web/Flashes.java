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
     * The message for the page an htmx request goes to next ({@code HX-Redirect}): that redirect is
     * the browser's, not a redirect view's, so the flash is stored here rather than by Spring.
     */
    public static void successAfterHtmxRedirect(HttpServletRequest request, HttpServletResponse response, String text) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(ShellInterceptor.FLASH, Shell.Flash.success(text));
        FlashMapManager manager = RequestContextUtils.getFlashMapManager(request);
        if (manager != null) {
            manager.saveOutputFlashMap(flash, request, response);
        }
    }
}
