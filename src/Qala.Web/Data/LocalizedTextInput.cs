using System.ComponentModel.DataAnnotations;

namespace Qala.Web.Data;

/// <summary>A form's three fields for a <see cref="LocalizedText"/>; every language is required.</summary>
public sealed class LocalizedTextInput
{
    [Required(ErrorMessage = "Enter the Kazakh text.")]
    [StringLength(300)]
    [Display(Name = "Kazakh")]
    public string Kk { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the Russian text.")]
    [StringLength(300)]
    [Display(Name = "Russian")]
    public string Ru { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the English text.")]
    [StringLength(300)]
    [Display(Name = "English")]
    public string En { get; set; } = string.Empty;

    public static LocalizedTextInput From(LocalizedText text) => new() { Kk = text.Kk, Ru = text.Ru, En = text.En };

    public LocalizedText ToText() => LocalizedText.Of(Kk.Trim(), Ru.Trim(), En.Trim());
}
