//! Meetings and capacity building: launch meetings, workshops, trainings, awareness days,
//! council or forum meetings and final meetings — registration with a waiting list, codes and
//! QR codes at the door, attendance disaggregated by sex, age group and actor type, pre/post
//! tests, satisfaction forms, certificates, calendars and the dashboard of figures.

pub mod calendar;
pub mod certificates;
pub mod demo;
pub mod mails;
pub mod manage;
pub mod model;
pub mod qr;
pub mod reminders;
pub mod routes;
pub mod store;
pub mod views;
