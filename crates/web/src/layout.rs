//! What every page's frame shows of the signed-in user: their name, their role, the links their
//! role may follow, and the CSRF token for the sign-out form.

use crate::auth::CurrentUser;
use store::Role;

#[derive(Debug, Clone)]
pub struct Chrome {
    pub user_name: String,
    pub role: &'static str,
    pub csrf_token: String,
    /// The data loads page and upload (admins and analysts).
    pub can_manage_data: bool,
    /// The access log (admins).
    pub is_admin: bool,
    /// Whether figures on the pages are disclosure-controlled (scrutiny).
    pub controlled: bool,
}

impl Chrome {
    pub fn of(user: &CurrentUser) -> Self {
        let role = user.role();
        Chrome {
            user_name: user.user.name.clone(),
            role: role.as_str(),
            csrf_token: user.csrf_token.clone(),
            can_manage_data: matches!(role, Role::Admin | Role::Analyst),
            is_admin: role == Role::Admin,
            controlled: role == Role::Scrutiny,
        }
    }
}
