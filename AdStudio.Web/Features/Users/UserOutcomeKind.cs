namespace AdStudio.Web.Features.Users;

/// <summary>How a user-administration request ended; the API maps each to a status code, the page to a message.</summary>
public enum UserOutcomeKind
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}
