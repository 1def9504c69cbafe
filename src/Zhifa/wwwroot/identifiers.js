/* 身份证号(GB 11643)与统一社会信用代码(GB 32100)的校验，与服务端 Zhifa.Domain.Identifiers 同一算法、同样的提示。
   每个函数返回 null(有效)或中文错误说明。 */
(function (global) {
    "use strict";
    var ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var ID_CHECK = "10X98765432";
    var CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    var CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    function residentId(input) {
        var v = (input || "").trim().toUpperCase();
        if (v.length === 0) return "身份证号不能为空";
        if (v.length !== 18) return "身份证号应为18位，实际为" + v.length + "位";
        for (var i = 0; i < 17; i++) {
            if (v[i] < "0" || v[i] > "9") return "身份证号第" + (i + 1) + "位'" + v[i] + "'不是数字";
        }
        if ((v[17] < "0" || v[17] > "9") && v[17] !== "X") return "身份证号第18位'" + v[17] + "'不是数字或X";
        var y = +v.substr(6, 4), m = +v.substr(10, 2), d = +v.substr(12, 2);
        var born = new Date(Date.UTC(y, m - 1, d));
        if (y < 1 || born.getUTCFullYear() !== y || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d)
            return "身份证号中的出生日期" + v.substr(6, 8) + "无效";
        var sum = 0;
        for (i = 0; i < 17; i++) sum += (v.charCodeAt(i) - 48) * ID_WEIGHTS[i];
        var expected = ID_CHECK[sum % 11];
        return v[17] === expected ? null : "身份证号第18位校验码应为" + expected + "，实际为" + v[17];
    }

    function creditCode(input) {
        var v = (input || "").trim().toUpperCase();
        if (v.length === 0) return "统一社会信用代码不能为空";
        if (v.length !== 18) return "统一社会信用代码应为18位，实际为" + v.length + "位";
        for (var i = 0; i < 18; i++) {
            if (CODE_ALPHABET.indexOf(v[i]) < 0) return "统一社会信用代码第" + (i + 1) + "位'" + v[i] + "'不是有效字符";
        }
        var sum = 0;
        for (i = 0; i < 17; i++) sum += CODE_ALPHABET.indexOf(v[i]) * CODE_WEIGHTS[i];
        var expected = CODE_ALPHABET[(31 - sum % 31) % 31];
        return v[17] === expected ? null : "统一社会信用代码第18位校验码应为" + expected + "，实际为" + v[17];
    }

    global.ZhifaIdentifiers = { residentId: residentId, creditCode: creditCode };
})(typeof window !== "undefined" ? window : globalThis);
