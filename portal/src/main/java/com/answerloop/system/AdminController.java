package com.answerloop.system;

import com.answerloop.shared.web.PageMeta;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin landing page linking to every administration area. */
@Controller
class AdminController {

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("page", PageMeta.website("Administration", "Portal administration", null));
        return "system/admin";
    }
}
