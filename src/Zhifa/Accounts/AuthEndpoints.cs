using Microsoft.AspNetCore.Identity;
using Zhifa.Data.Accounts;
using Zhifa.Web;

namespace Zhifa.Accounts;

public sealed record LoginRequest(string? UserName, string? Password);

public static class AuthEndpoints
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", async (LoginRequest body, SignInManager<ZhifaUser> signIn) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(body.UserName))
                    errors["userName"] = ["请填写用户名"];
                if (string.IsNullOrEmpty(body.Password))
                    errors["password"] = ["请填写密码"];
                if (errors.Count > 0)
                    return Problems.Validation(errors);
                var user = await signIn.UserManager.FindByNameAsync(body.UserName!.Trim());
                var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, body.Password!, lockoutOnFailure: true);
                if (result.IsLockedOut)
                    return Unauthorized("auth.locked_out", LockedOutMessage);
                if (!result.Succeeded)
                    return Unauthorized("auth.invalid_credentials", "用户名或密码错误");
                var principal = await signIn.CreateUserPrincipalAsync(user!);
                // The bearer handler writes {"tokenType","accessToken","expiresIn","refreshToken"}.
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .WithTags("登录")
            .WithSummary("以用户名和密码登录,返回访问令牌(Authorization: Bearer)");
    }

    public static readonly string LockedOutMessage =
        $"登录失败次数过多,账户已被锁定 {IdentitySetup.LockoutDuration.TotalMinutes:0} 分钟,请稍后再试或联系系统管理员";

    private static IResult Unauthorized(string code, string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status401Unauthorized, title: "登录失败",
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
