/* 行政处罚案件表单：提交前检查必填项（required）、至少勾选的人数（data-min-checked）和退回的审核事项须写明理由，
   把提示写在字段旁边。服务端仍按同样的规则再检查一遍，并在表单中显示法定依据。 */
(function () {
    "use strict";
    function spanFor(form, name) { return form.querySelector('[data-valmsg-for="' + name + '"]'); }

    function check(form) {
        var errors = [];
        form.querySelectorAll("[required]").forEach(function (el) {
            if (!(el.value || "").trim()) errors.push([el.name, "请填写" + (el.getAttribute("data-label") || "此项"), el]);
        });
        form.querySelectorAll("fieldset[data-min-checked]").forEach(function (set) {
            var min = parseInt(set.getAttribute("data-min-checked"), 10);
            var boxes = set.querySelectorAll("input[type=checkbox]");
            var checked = set.querySelectorAll("input[type=checkbox]:checked").length;
            if (boxes.length && checked < min) {
                var message = set.getAttribute("data-message") || ("请至少选择" + min + "项" + (set.getAttribute("data-label") || ""));
                errors.push([boxes[0].name, message + "，当前为" + checked + "项", boxes[0]]);
            }
        });
        form.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (el) {
            var max = parseInt(el.getAttribute("data-max-bytes"), 10);
            Array.prototype.forEach.call(el.files || [], function (f) {
                if (f.size === 0) errors.push([el.name, "证据文件“" + f.name + "”是空文件", el]);
                else if (f.size > max) errors.push([el.name, "证据文件“" + f.name + "”超过 " + Math.floor(max / 1048576) + " MB 的上限", el]);
            });
        });
        form.querySelectorAll("[data-reason-for]").forEach(function (el) {
            var returned = form.querySelector('input[name="' + el.getAttribute("data-reason-for") + '"][value=false]:checked');
            if (returned && !(el.value || "").trim()) {
                var name = el.name;
                errors.push([name, "退回的审核事项须写明理由", el]);
            }
        });
        return errors;
    }

    document.querySelectorAll("form.step-form, form.penalty-form").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            form.querySelectorAll("[data-valmsg-for]").forEach(function (span) { span.textContent = ""; });
            var errors = check(form);
            errors.forEach(function (e) {
                var span = spanFor(form, e[0]);
                if (span && !span.textContent) span.textContent = e[1];
            });
            if (errors.length) {
                event.preventDefault();
                if (errors[0][2].focus) errors[0][2].focus();
            }
        });
    });
})();
