using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Zhifa.Web;

/// <summary>Maps a service's <see cref="AppError"/> into a page form's model state (house style: pages map errors into the form).</summary>
public static class PageErrors
{
    public static void Add(ModelStateDictionary state, AppError error, string prefix)
    {
        if (error.Errors is { } many)
        {
            foreach (var (field, messages) in many)
                foreach (var m in messages)
                    state.AddModelError(Key(prefix, field), m);
            return;
        }
        state.AddModelError(error.Field is null ? "" : Key(prefix, error.Field), error.Message);
    }

    private static string Key(string prefix, string field) =>
        $"{prefix}.{char.ToUpper(field[0], CultureInfo.InvariantCulture)}{field[1..]}";
}
