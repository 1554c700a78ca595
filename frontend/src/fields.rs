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

#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let described_by = props.hint.as_ref().map(|_| hint_id.clone());
    let oninput = props
        .on_change
        .reform(|event: InputEvent| typed_value(&event));
    let invalid = props.invalid.then_some("true");
    let input = if props.multiline {
        html! {
            <textarea id={props.id.clone()} rows="5" value={props.value.clone()} {oninput}
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
}

/// A date picker; an emptied field means "no date".
#[function_component(DateField)]
pub fn date_field(props: &DateFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        on_change.emit(Date::parse(&value));
    });
    let value = props.value.map(|date| date.to_string()).unwrap_or_default();
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            <input id={props.id.clone()} type="date" {value} {onchange} />
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
}

/// A year (e.g. 2025); anything that is not a year means "none".
#[function_component(YearField)]
pub fn year_field(props: &YearFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        let text = event.target_unchecked_into::<HtmlInputElement>().value();
        on_change.emit(
            text.trim()
                .parse()
                .ok()
                .filter(|year| (1900..=2999).contains(year)),
        );
    });
    let value = props.value.map(|year| year.to_string()).unwrap_or_default();
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            <input id={props.id.clone()} type="number" min="1900" max="2999" inputmode="numeric" {value} {onchange} />
        </div>
    }
}
