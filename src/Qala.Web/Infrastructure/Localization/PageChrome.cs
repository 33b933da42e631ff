using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Qala.Web.Infrastructure.Localization;

/// <summary>What a page tells the layout: its title, its place in the navigation and its breadcrumb.</summary>
public static class PageChrome
{
    public static void Describe(this ViewDataDictionary viewData, string title, string section, params (string Text, string? Url)[] breadcrumb)
    {
        viewData["Title"] = title;
        viewData["Section"] = section;
        viewData["Breadcrumb"] = breadcrumb;
    }
}
