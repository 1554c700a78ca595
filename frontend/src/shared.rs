//! The app's state handed down to pages and widgets without copying it.

use std::ops::Deref;
use std::rc::Rc;

/// A value shared with the app's state. Cloning it copies a pointer, and two are equal when
/// they are the same value in memory, so a page compares its props in constant time and
/// re-renders only when what it shows was replaced.
///
/// Sound because the state never changes a shared value in place: an edit makes a new case
/// (`OpenCase::case_to_edit`), so a new value always has a new address.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
