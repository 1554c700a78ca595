//! Labelled form fields. Every input has a visible label tied to it by id, and reports each
//! change at once (the app saves on every change, so there is no save button).

use schemas::Date;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    /// A short help text under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Several lines of text (a textarea).
    #[prop_or_default]
    pub multiline: bool,
    /// Marks the field as needing an answer (set when validation would report it).
    #[prop_or_default]
    pub invalid: bool,
}

/// How many lines a textarea shows: five, more for a longer text, at most fourteen.
fn visible_rows(text: &str) -> usize {
    let lines: usize = text.lines().map(|line| line.chars().count() / 80 + 1).sum();
    lines.clamp(5, 14)
}

#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let described_by = props.hint.as_ref().map(|_| hint_id.clone());
    let oninput = props
        .on_change
        .reform(|event: InputEvent| typed_value(&event));
    let invalid = props.invalid.then_some("true");
    let input = if props.multiline {
        // A long text (a bedömning of a whole report section) shows more of itself.
        let rows = visible_rows(&props.value).to_string();
        html! {
            <textarea id={props.id.clone()} {rows} value={props.value.clone()} {oninput}
                aria-describedby={described_by} aria-invalid={invalid} />
        }
    } else {
        html! {
            <input id={props.id.clone()} type="text" value={props.value.clone()} {oninput}
                aria-describedby={described_by} aria-invalid={invalid} />
        }
    };
    html! {
        <div class={classes!("field", props.invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id}>{ hint }</p>
            }
            { input }
        </div>
    }
}

/// The value of the `<input>` or `<textarea>` an input event came from.
fn typed_value(event: &InputEvent) -> String {
    let target = event.target_unchecked_into::<web_sys::Element>();
    match target.dyn_ref::<HtmlTextAreaElement>() {
        Some(textarea) => textarea.value(),
        None => target.unchecked_into::<HtmlInputElement>().value(),
    }
}

#[derive(Properties, PartialEq)]
pub struct AddFormProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub button: AttrValue,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Called with the typed text when the form is sent; the field is then emptied.
    pub on_add: Callback<String>,
}

/// A one-field form for adding something to a list ("Lägg till nämnd").
#[function_component(AddForm)]
pub fn add_form(props: &AddFormProps) -> Html {
    let input = use_node_ref();
    let onsubmit = {
        let (input, on_add) = (input.clone(), props.on_add.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(field) = input.cast::<HtmlInputElement>() {
                on_add.emit(field.value());
                field.set_value("");
            }
        })
    };
    html! {
        <form class="inline-form" {onsubmit}>
            <div class="field">
                <label for={props.id.clone()}>{ &props.label }</label>
                <input id={props.id.clone()} type="text" ref={input} placeholder={props.placeholder.clone()} />
            </div>
            <button type="submit">{ &props.button }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Option<Date>,
    pub on_change: Callback<Option<Date>>,
    /// A short help text under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A date picker; an emptied field means "no date".
#[function_component(DateField)]
pub fn date_field(props: &DateFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        let input = event.target_unchecked_into::<HtmlInputElement>();
        let value = input.value();
        // Typed digit by digit, the browser reports the date on the way ("0002-05-06", or an
        // empty value while a part is incomplete); only a finished date, or a field the user
        // emptied, is taken: anything else would re-render the field empty mid-typing.
        match Date::parse(&value) {
            Some(date) => on_change.emit(Some(date)),
            None if value.is_empty() && !input.validity().bad_input() => on_change.emit(None),
            None => {}
        }
    });
    let value = props.value.map(|date| date.to_string()).unwrap_or_default();
    let hint_id = format!("{}-hint", props.id);
    let described_by = props.hint.as_ref().map(|_| hint_id.clone());
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id}>{ hint }</p>
            }
            <input id={props.id.clone()} type="date" {value} {onchange} aria-describedby={described_by} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, text) pairs, in order.
    pub options: Vec<(String, String)>,
    pub value: AttrValue,
    pub on_change: Callback<String>,
}

/// A labelled drop-down list; reports the chosen value.
#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        on_change.emit(
            event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value(),
        );
    });
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            <select id={props.id.clone()} {onchange}>
                { for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == *props.value}>{ text }</option>
                }) }
            </select>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct YearFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Option<u16>,
    pub on_change: Callback<Option<u16>>,
    /// Shown in the empty field, e.g. the year an empty end year stands for.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Why the field may not be emptied, when it may not; `None` lets it be emptied.
    #[prop_or_default]
    pub required: Option<AttrValue>,
}

/// A year (e.g. 2025). What the user typed stays in the field: text that is not a year (or an
/// emptied field that must have a year) is shown with a message and changes nothing.
#[function_component(YearField)]
pub fn year_field(props: &YearFieldProps) -> Html {
    // The text typed when it could not be taken; cleared when the case's value changes.
    let refused = use_state(|| None::<String>);
    {
        let refused = refused.clone();
        use_effect_with(props.value, move |_| refused.set(None));
    }
    let onchange = {
        let (refused, on_change, required) = (
            refused.clone(),
            props.on_change.clone(),
            props.required.is_some(),
        );
        Callback::from(move |event: Event| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            match read_year(&text) {
                Some(year) if year.is_some() || !required => {
                    refused.set(None);
                    on_change.emit(year);
                }
                _ => refused.set(Some(text)),
            }
        })
    };
    let message_id = format!("{}-message", props.id);
    let message = refused.as_ref().map(|text| match text.trim() {
        "" => props.required.clone().unwrap_or_default().to_string(),
        typed => format!("«{typed}» är inget årtal: skriv fyra siffror, till exempel 2025."),
    });
    let value = match refused.as_ref() {
        Some(text) => text.clone(),
        None => props.value.map(|year| year.to_string()).unwrap_or_default(),
    };
    html! {
        <div class={classes!("field", message.is_some().then_some("refused"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            <input id={props.id.clone()} type="text" inputmode="numeric" maxlength="9" {value} {onchange}
                placeholder={props.placeholder.clone()}
                aria-invalid={message.is_some().then_some("true")}
                aria-describedby={message.is_some().then_some(message_id.clone())} />
            if let Some(message) = message {
                <p class="field-message" id={message_id} role="alert">{ message }</p>
            }
        </div>
    }
}

/// A typed year: `Some(None)` for an empty field, `Some(Some(year))` for a year, `None` for
/// anything else.
fn read_year(text: &str) -> Option<Option<u16>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let year: u16 = text.parse().ok()?;
    (1900..=2999).contains(&year).then_some(Some(year))
}
