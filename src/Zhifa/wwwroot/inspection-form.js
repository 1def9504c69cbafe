/* 记录行政检查表单：按当事人类型切换证件号码说明，按检查结果显示整改期限，提交前检查必填项和证件号码校验码。
   服务端仍会按同样的规则再检查一遍；这里只是让现场执法人员在提交前就看到问题。 */
(function () {
    "use strict";
    var form = document.getElementById("inspection-form");
    if (!form) return;
    var ids = window.ZhifaIdentifiers;

    function field(name) { return form.elements["Input." + name]; }
    function message(name) { return form.querySelector('[data-valmsg-for="Input.' + name + '"]'); }
    function isPerson() { return field("PartyType").value === "自然人"; }
    function isRectify() { return field("Result").value === "责令改正"; }

    function update() {
        document.getElementById("party-id-label").textContent = isPerson() ? "身份证号" : "统一社会信用代码";
        document.getElementById("absent-reason").hidden = !isPerson();
        document.getElementById("deadline").hidden = !isRectify();
    }

    function check() {
        var errors = {};
        var value = function (name) { return (field(name).value || "").trim(); };
        if (!value("PowerCode")) errors.PowerCode = "请选择行政检查职权";
        var officers = form.querySelectorAll('input[name="Input.Officers"]:checked').length;
        if (officers < 2) errors.Officers = "行政检查须由两名以上持有有效执法证的执法人员实施，当前为" + officers + "名（参照行政处罚法 第四十二条）";
        if (!value("InspectedOn")) errors.InspectedOn = "请填写检查日期";
        if (!value("PartyName")) errors.PartyName = "请填写当事人名称(自然人姓名或单位名称)";
        var id = value("PartyIdNumber");
        if (id) {
            var problem = isPerson() ? ids.residentId(id) : ids.creditCode(id);
            if (problem) errors.PartyIdNumber = "当事人" + problem;
        } else if (!isPerson()) {
            errors.PartyIdNumber = "请填写当事人的统一社会信用代码";
        } else if (!value("PartyIdAbsentReason")) {
            errors.PartyIdNumber = "请填写自然人当事人的身份证号；当事人拒绝提供或当场无法核实的，请写明原因";
        }
        if (!value("Findings")) errors.Findings = "请填写检查情况：检查了什么、发现了什么";
        if (isRectify() && !value("RectificationDeadline")) errors.RectificationDeadline = "责令改正须写明整改期限";
        return errors;
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
        var errors = check();
        var first = null;
        form.querySelectorAll("[data-valmsg-for]").forEach(function (span) { span.textContent = ""; });
        Object.keys(errors).forEach(function (name) {
            var span = message(name);
            if (span) span.textContent = errors[name];
            first = first || name;
        });
        if (first) {
            event.preventDefault();
            var target = field(first);
            if (target && target.focus) target.focus(); else if (message(first)) message(first).scrollIntoView();
        }
    });
    update();
})();
