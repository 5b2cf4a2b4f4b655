package io.supportlab.platform.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Puts a one-time message on the page a redirect leads to. */
public final class Flashes {

    private Flashes() {}

    public static void success(RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute(ShellInterceptor.FLASH, Shell.Flash.success(text));
    }

    public static void error(RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute(ShellInterceptor.FLASH, Shell.Flash.error(text));
    }
}
